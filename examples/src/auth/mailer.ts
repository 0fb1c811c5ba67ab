export interface Mail {
  to: string;
  subject: string;
  text: string;
}

const MAIL_API_URL = process.env.MAIL_API_URL ?? 'https://mail.internal.example/v1/send';

export async function sendMail(mail: Mail): Promise<void> {
  const response = await fetch(MAIL_API_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.MAIL_API_KEY ?? ''}` },
    body: JSON.stringify(mail),
  });
  if (!response.ok) {
    throw new Error(`mail API answered ${response.status}`);
  }
}
