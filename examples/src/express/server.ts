import { logger } from '../logging/logger.js';
import { app } from './app.js';

const port = Number(process.env.PORT ?? 3000);

app.listen(port, () => {
  logger.info({ port }, 'clinic-api listening');
});
