export interface Patient {
  id: string;
  /** Medical record number. */
  mrn: string;
  fullName: string;
  dateOfBirth: string;
  ssn: string | null;
  phone: string | null;
  diagnosis: string[];
  /**
   * Free-text clinical notes.
   * @sensitive
   */
  notes: string;
  primaryClinicianId: string;
  archivedAt: Date | null;
  updatedAt: Date;
}

export type PatientUpdate = Partial<Pick<Patient, 'phone' | 'diagnosis' | 'notes' | 'primaryClinicianId'>>;

/** The fields a clinician sees in lists; the chart itself is loaded separately. */
export interface PatientSummary {
  id: string;
  mrn: string;
  fullName: string;
  archived: boolean;
}

export function toSummary(patient: Patient): PatientSummary {
  return {
    id: patient.id,
    mrn: patient.mrn,
    fullName: patient.fullName,
    archived: patient.archivedAt !== null,
  };
}
