import type { Core } from '@strapi/strapi';
import { registerDisclosureGuard } from './guard';

export default {
  register(strapi: Core.Strapi) {
    registerDisclosureGuard(strapi);
  },
};
