import express, { type ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { logger } from '../logging/logger.js';
import { HttpError } from './http-error.js';
import { requireAuth, requireRole } from './middleware/auth.js';
import { requestLog } from './middleware/request-log.js';
import { adminRouter } from './routes/admin.js';
import { authRouter } from './routes/auth.js';
import { usersRouter } from './routes/users.js';

export const app = express();

app.disable('x-powered-by');
app.set('trust proxy', 1);
app.use(express.json({ limit: '100kb' }));
app.use(requestLog);

// eslint-disable-next-line compliance/require-endpoint-audit -- liveness probe, reads no data, OPS-112
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

// eslint-disable-next-line compliance/require-endpoint-audit
app.get('/readyz', (_req, res) => {
  const ready = process.uptime() > 2;
  res.status(ready ? 200 : 503).json({ ready, version: process.env.APP_VERSION ?? 'dev' });
});

app.use('/auth', authRouter);
app.use('/users', requireAuth, usersRouter);
app.use('/admin', requireAuth, requireRole('admin'), adminRouter);

const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (err instanceof ZodError) {
    res.status(400).json({ error: 'invalid request', issues: err.issues });
    return;
  }
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: err.message });
    return;
  }
  logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
  res.status(500).json({ error: 'internal error' });
};
app.use(errorHandler);
