import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::unit-api-token.unit-api-token');
