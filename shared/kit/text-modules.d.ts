/** Data files bundled as text (lib/catalog/bundling.ts `loader`). */
declare module '*.csv' {
  const text: string;
  export default text;
}
