import type { Core } from '@strapi/strapi';

/**
 * Requests the admin panel makes on every page for features this CMS does not have: answered
 * with the disabled state instead of an error, so no request fails on a normal page.
 *
 * - `GET /admin/ai-feature-config`: the Content Manager asks on every edit view
 *   (`useDocumentActions`, unconditionally); Strapi's own route answers 404 whenever AI is off
 *   (always without an Enterprise licence). Strapi AI is also switched off by config
 *   (`config/admin.ts` `ai.enabled: false`), which hides its buttons.
 * - `GET /i18n/ai-localization-jobs/…`: the i18n header action polls it on every edit view,
 *   unconditionally; 404 while AI localizations are off. No job: `{ data: null }`.
 * - `GET /upload/settings`: the Media Library reads it for every user (tracking and the AI
 *   metadata hints), but Strapi guards it with `plugin::upload.settings.read`, the permission
 *   that also allows *changing* the settings (`PUT /upload/settings`), so editors get 403.
 *   Any signed-in admin user now reads the settings (image sizes, optimisation: nothing
 *   secret); changing them still needs the permission.
 * - `GET /content-manager/preview/url/…` is answered by Strapi itself once a preview handler is
 *   configured (`config/admin.ts` `preview`): 204, no URL, so no Preview button.
 *
 * These routes are registered before Strapi's own (register phase), so they answer first.
 */
export const AI_FEATURE_CONFIG = { isAiI18nConfigured: false, isAiMediaLibraryConfigured: false };

const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  register(strapi: Core.Strapi) {
    strapi.server.routes({
      type: 'admin',
      prefix: '',
      routes: [
        {
          method: 'GET',
          path: '/admin/ai-feature-config',
          handler: (ctx: { body: unknown }) => {
            ctx.body = { data: AI_FEATURE_CONFIG };
          },
          config: signedIn,
        },
        ...[
          '/i18n/ai-localization-jobs/collection-types/:contentType/:documentId',
          '/i18n/ai-localization-jobs/single-types/:contentType',
        ].map((path) => ({
          method: 'GET' as const,
          path,
          handler: (ctx: { body: unknown }) => {
            ctx.body = { data: null };
          },
          config: signedIn,
        })),
        {
          method: 'GET',
          path: '/upload/settings',
          handler: async (ctx: { body: unknown }) => {
            const settings = await strapi.plugin('upload').service('upload').getSettings();
            const { concurrentUploadRequests = 1 } = strapi.config.get('plugin::upload') as {
              concurrentUploadRequests?: number;
            };
            ctx.body = { data: { ...settings, concurrentUploadRequests } };
          },
          config: signedIn,
        },
      ],
    } as never);
  },
};
