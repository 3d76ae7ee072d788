/** Vite turns an imported image into its URL. */
declare module '*.svg' {
  const url: string;
  export default url;
}

/** Vite's build-time glob import (the subset used here); an interface, to merge with ImportMeta. */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
}
