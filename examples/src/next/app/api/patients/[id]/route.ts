import { type NextRequest, NextResponse } from 'next/server';
import { z } from 'zod';
import { auditLogger } from '../../../../../audit/audit-logger.js';
import { patientsRepo } from '../../../../../db/patients-repo.js';
import { logger } from '../../../../../logging/logger.js';
import { clientIp, sessionFromRequest } from '../../../../lib/session.js';

interface RouteContext {
  params: Promise<{ id: string }>;
}

const patientUpdate = z
  .object({
    phone: z.string().max(32).nullable(),
    diagnosis: z.array(z.string().max(16)).max(50),
    notes: z.string().max(20_000),
    primaryClinicianId: z.uuid(),
  })
  .partial();

export async function GET(request: NextRequest, { params }: RouteContext) {
  const session = sessionFromRequest(request);
  if (!session) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  if (session.role === 'member') return NextResponse.json({ error: 'forbidden' }, { status: 403 });

  const { id } = await params;
  const patient = await patientsRepo.findById(id);
  await auditLogger.log({
    action: 'patient.read',
    actor: { id: session.id, role: session.role },
    resource: { type: 'patient', id },
    outcome: patient ? 'success' : 'failure',
    source: { ip: clientIp(request), userAgent: request.headers.get('user-agent') ?? undefined },
    timestamp: new Date().toISOString(),
  });
  if (!patient) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(patient);
}

export async function PATCH(request: NextRequest, { params }: RouteContext) {
  const session = sessionFromRequest(request);
  if (!session || session.role !== 'clinician') {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }

  const parsed = patientUpdate.safeParse(await request.json());
  if (!parsed.success) return NextResponse.json({ error: 'invalid body', issues: parsed.error.issues }, { status: 400 });

  const { id } = await params;
  const patient = await patientsRepo.update(id, parsed.data);
  if (!patient) return NextResponse.json({ error: 'not found' }, { status: 404 });

  logger.info({ patient, by: session.id }, 'patient record updated');
  return NextResponse.json(patient);
}
