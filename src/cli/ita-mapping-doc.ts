import fs from 'fs';
import path from 'path';
import type { ChecklistFile } from '../ita/checklist-file';
import { renderMappingDoc } from '../ita/mapping-doc';
import type { Command } from './args';

export const shippedFiles = (appDir: string) => {
  const dir = path.join(appDir, 'src', 'ita', 'data');
  return fs
    .readdirSync(dir)
    .filter((f) => /^oit-\d{4}-[a-z-]+\.json$/.test(f))
    .sort()
    .map((name) => ({
      name,
      file: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ChecklistFile,
    }));
};

const command: Command = {
  usage: 'ita:mapping-doc',
  summary: 'regenerate docs/checklist-mapping.md from the shipped lists',
  async run() {
    const appDir = path.resolve(__dirname, '..', '..', '..');
    const out = path.join(appDir, 'docs', 'checklist-mapping.md');
    fs.writeFileSync(out, renderMappingDoc(shippedFiles(appDir)));
    console.log(`wrote ${out}`);
    return 0;
  },
};

export default command;
