import fs from 'fs';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { buildOpenApi } from '../delivery/openapi';
import type { Command } from './args';

/** The JSON as Prettier writes it (the repository's lint checks docs/), or plain when it is absent. */
const format = async (text: string, file: string): Promise<string> => {
  try {
    const prettier = (await import('prettier')) as {
      format: (src: string, options: Record<string, unknown>) => Promise<string>;
      resolveConfig: (file: string) => Promise<Record<string, unknown> | null>;
    };
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
};

const command: Command = {
  usage: 'openapi',
  summary: 'regenerate docs/openapi.json (OpenAPI 3.1 of the public API) from the content types',
  async run() {
    const distDir = path.resolve(__dirname, '..', '..');
    const appDir = path.resolve(distDir, '..');
    // Registering loads the content types; no database, no bootstrap (like `strapi ts:generate-types`).
    const strapi = await createStrapi({
      appDir,
      distDir,
      autoReload: false,
      serveAdminPanel: false,
    }).register();
    let doc;
    try {
      doc = await buildOpenApi(strapi);
    } finally {
      await strapi.destroy();
    }
    const out = path.join(appDir, 'docs', 'openapi.json');
    fs.writeFileSync(out, await format(`${JSON.stringify(doc, null, 2)}\n`, out));
    console.log(`wrote ${out}`);
    return 0;
  },
};

export default command;
