'use server';

import { revalidatePath } from 'next/cache';
import { patientsRepo } from '../../../../db/patients-repo.js';
import { currentSession } from '../../../lib/session.js';

// eslint-disable-next-line
export async function archivePatient(patientId: string, _form: FormData): Promise<void> {
  const session = await currentSession();
  if (!session || session.role !== 'clinician') throw new Error('forbidden');
  await patientsRepo.archive(patientId);
  revalidatePath(`/patients/${patientId}`);
}
