// Jest transformer for data files the bundles import as text (esbuild's `text` loader).
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
