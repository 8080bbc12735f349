import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * PDFs (certificates, minutes, reports): pdfmake with a CJK system font. Every module renders through
 * `renderPdf` and answers its own 503 when `cjkFont()` finds no font.
 */

export interface CjkFont {
  path: string;
  /** The PostScript name inside a .ttc collection. */
  name?: string;
}

/**
 * CJK fonts, first found wins: LINLI_CJK_FONT (a .ttf/.otf, or a .ttc with LINLI_CJK_FONT_NAME = its
 * PostScript name), then WenQuanYi Micro Hei / Zen Hei (Debian fonts-wqy-*, installed by CI), then Noto Sans
 * CJK (fonts-noto-cjk).
 */
const FONT_CANDIDATES: CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
];

/** The CJK font to use, or null: none installed, or LINLI_CJK_FONT set to a missing file (an error, not a guess). */
export function cjkFont(): CjkFont | null {
  const env = process.env.LINLI_CJK_FONT;
  if (env) {
    if (!existsSync(env)) return null;
    const name = process.env.LINLI_CJK_FONT_NAME;
    return name ? { path: env, name } : { path: env };
  }
  return FONT_CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}

interface PdfPrinterLike {
  createPdfKitDocument(doc: unknown): Promise<{ on(e: string, f: (x?: Buffer) => void): void; end(): void }>;
}

const require = createRequire(import.meta.url);

/**
 * Renders a pdfmake document definition whose text uses the font 'CJK'. No remote resources: the URL
 * resolver fetches nothing, and only the font file may be read from disk.
 */
export async function renderPdf(doc: unknown, font: CjkFont): Promise<Buffer> {
  const Printer = (
    require('pdfmake/js/Printer') as {
      default: new (
        fonts: unknown,
        vfs: unknown,
        urlResolver: unknown,
        localAccessPolicy: (path: string) => boolean,
      ) => PdfPrinterLike;
    }
  ).default;
  const def = () => (font.name ? [font.path, font.name] : font.path);
  const noUrls = { resolve: () => Promise.resolve(), resolved: () => Promise.resolve([]) };
  const printer = new Printer(
    { CJK: { normal: def(), bold: def(), italics: def(), bolditalics: def() } },
    null,
    noUrls,
    (path) => path === font.path,
  );
  const pdf = await printer.createPdfKitDocument(doc);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c) => chunks.push(c!));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', (e) => reject(e));
    pdf.end();
  });
}
