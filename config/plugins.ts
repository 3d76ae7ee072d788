import type { Core } from '@strapi/strapi';
import { ALLOWED_UPLOAD_MIME_TYPES, uploadSizeLimitBytes } from '../src/files/policy';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
      jwtSecret: env('JWT_SECRET', 'prongsai-dev-jwt-secret'),
      ratelimit: { enabled: env.bool('AUTH_RATE_LIMIT', true) },
    },
  },
  upload: {
    config: {
      // Bytes. UPLOAD_MAX_MB (default 50) is also applied to the multipart body parser.
      sizeLimit: uploadSizeLimitBytes(),
      breakpoints: { xlarge: 1920, large: 1000, medium: 750, small: 500, xsmall: 64 },
      security: {
        // Strapi's own check is the first gate; src/files re-checks every file's bytes.
        allowedTypes: [...ALLOWED_UPLOAD_MIME_TYPES],
        deniedTypes: [
          'image/svg+xml',
          'text/html',
          'application/x-msdownload',
          'application/x-msdos-program',
          'application/x-executable',
          'application/x-dosexec',
          'application/x-sh',
          'text/x-shellscript',
          'application/javascript',
          'text/javascript',
        ],
      },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: !env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
          : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'prongsai@localhost'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'prongsai@localhost'),
      },
    },
  },
});

export default config;
