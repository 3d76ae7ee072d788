/**
 * Two columns on the upload plugin's file table (src/files): `sha256`, the digest of the stored
 * bytes (written at upload and replace; the approval's content hash covers it), and
 * `servedPublicly`, whether a published entry uses the file (the /uploads gate reads it). Both
 * are private: they never appear in API responses. An index on `hash` makes the gate's lookup of
 * a URL one indexed query.
 */
type Schema = {
  attributes: Record<string, unknown>;
  indexes?: Array<{ name: string; columns: string[]; type?: string | null }>;
};
type Plugin = { contentTypes: Record<string, { schema: Schema }> };

const hidden = {
  private: true,
  configurable: false,
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
};

export default (plugin: Plugin) => {
  const schema = plugin.contentTypes.file.schema;
  schema.attributes.sha256 = { type: 'string', ...hidden };
  schema.attributes.servedPublicly = { type: 'boolean', ...hidden };
  schema.indexes = [
    ...(schema.indexes ?? []),
    { name: 'upload_files_hash_index', columns: ['hash'], type: null },
  ];
  return plugin;
};
