import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::policy-declaration.policy-declaration');
