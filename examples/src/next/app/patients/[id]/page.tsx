import { notFound, redirect } from 'next/navigation';
import { patientsRepo } from '../../../../db/patients-repo.js';
import { toSummary } from '../../../../domain/patient.js';
import { currentSession } from '../../../lib/session.js';
import { archivePatient } from './actions.js';

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await currentSession();
  if (!session) redirect('/login');

  const { id } = await params;
  const patient = await patientsRepo.findById(id);
  if (!patient) notFound();
  const summary = toSummary(patient);

  return (
    <main>
      <h1>
        {summary.fullName} <small>MRN {summary.mrn}</small>
      </h1>
      {summary.archived ? (
        <p>This record is archived.</p>
      ) : (
        session.role === 'clinician' && (
          <form action={archivePatient.bind(null, summary.id)}>
            <button type="submit">Archive record</button>
          </form>
        )
      )}
    </main>
  );
}
