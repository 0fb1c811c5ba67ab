import type { Patient, PatientUpdate } from '../domain/patient.js';

class PatientsRepository {
  readonly #rows = new Map<string, Patient>();

  async findById(id: string): Promise<Patient | undefined> {
    return this.#rows.get(id);
  }

  async update(id: string, patch: PatientUpdate): Promise<Patient | undefined> {
    const current = this.#rows.get(id);
    if (!current || current.archivedAt) return undefined;
    const next: Patient = { ...current, ...patch, updatedAt: new Date() };
    this.#rows.set(id, next);
    return next;
  }

  async archive(id: string): Promise<boolean> {
    const current = this.#rows.get(id);
    if (!current || current.archivedAt) return false;
    this.#rows.set(id, { ...current, archivedAt: new Date(), updatedAt: new Date() });
    return true;
  }
}

export const patientsRepo = new PatientsRepository();
