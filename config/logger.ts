import { winston, formats } from '@strapi/logger';

// LOG_LEVEL: error | warn | info (default) | http | verbose | debug.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL || 'info',
      format: winston.format.combine(
        formats.levelFilter(process.env.LOG_LEVEL || 'info'),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' }),
      ),
    }),
  ],
};
