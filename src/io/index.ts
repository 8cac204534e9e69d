// The import/export layer's public surface: pure functions over bytes and text; runs in Node, browsers and workers.
export { IoError } from './errors';
export { MAX_FILE_BYTES, CLI_MAX_FILE_BYTES } from './limits';
export { serializeDoc, openDoc } from './native';
export { detectFormat, type FileFormat } from './detect';
export { importFile, type ImportResult } from './importFile';
export * from './bods';
export { importCsv, importCsvDetailed, exportCsv, type CsvImport } from './csv';
export { importFtm, type FtmImport } from './ftmImport';
export { exportFtm, exportFtmEntities } from './ftmExport';
export { embedDoc, extractDoc, readPngChunks, PNG_KEYWORD, type PngChunk } from './pngChunk';
export {
  encodeShareFragment, decodeShareFragment, canShareAsLink, shareLinkSize, MAX_SHARE_LINK_CHARS, MAX_SHARE_DECODED_BYTES,
} from './shareLink';
