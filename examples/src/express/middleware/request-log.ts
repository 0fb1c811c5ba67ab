import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger } from '../../logging/logger.js';

/** One line per request, with its duration. The authorization header is redacted by the logger. */
export function requestLog(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const id = req.get('x-request-id') ?? randomUUID();
  res.setHeader('x-request-id', id);
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info(
      { req: { id, method: req.method, url: req.originalUrl, headers: req.headers }, status: res.statusCode, ms },
      'request completed',
    );
  });
  next();
}
