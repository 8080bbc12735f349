import { deflateSync } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import { pjApplications, pjArchiveItems } from '../../server/modules/projects/projects.table';
import type { AppDeps } from '../../server/platform/context';
import { createLocalStorage } from '../../server/platform/storage';

const DAY = 86_400_000;

/** A small solid-colour PNG (the demo's stand-in for a photo). */
export function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with one line of ASCII text (the demo's stand-in for a document). */
export function pdf(text: string): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 14 Tf 60 780 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type Item = [category: string, fileName: string, note: string, data: () => Buffer];

/** Per pilot (in the order the projects seed selected them): the files of its archive. */
const PLAN: Item[][] = [
  [
    [
      'minutes',
      '项目启动居民议事会纪要.pdf',
      '项目启动会，居民代表、楼栋长、党员共41人参加，通过实施方案。',
      () => pdf('Minutes of the residents meeting'),
    ],
    [
      'plan',
      '红色楼栋挂牌现场.png',
      '首批12个“红色楼栋”挂牌，党员联系户名单上墙。',
      () => png(320, 200, [196, 62, 58]),
    ],
    [
      'guidance',
      '区民政局中期督导记录.pdf',
      '区民政局中期督导，提出细化居民参与记录的意见。',
      () => pdf('Supervision record'),
    ],
    [
      'funds',
      '资金使用明细台账（1—6月）.pdf',
      '市级补助与街道配套资金使用明细，已在居务公开栏公示。',
      () => pdf('Fund-use ledger'),
    ],
    ['disclosure', '居务公开栏公示照片.png', '资金使用情况公示照片。', () => png(320, 200, [58, 110, 196])],
  ],
  [
    [
      'minutes',
      '应急志愿服务队组建议事纪要.pdf',
      '“邻里守望”应急志愿服务队组建议事会，居民代表23人参加。',
      () => pdf('Minutes'),
    ],
  ],
  [
    [
      'minutes',
      '居民公约修订议事会纪要.pdf',
      '居民公约修订议事会，逐条讨论修订草案，新增三条约定。',
      () => pdf('Minutes'),
    ],
    [
      'plan',
      '居民公约上墙照片.png',
      '修订后的居民公约在各小区公示栏上墙。',
      () => png(320, 200, [72, 160, 96]),
    ],
    [
      'self_governance',
      '践诺行动志愿者签到表.pdf',
      '居民参与公约践诺行动的志愿者签到记录。',
      () => pdf('Volunteer sign-in sheet'),
    ],
  ],
];

/** A demo archive item of a pilot: the stored PNG or PDF file (its type from the name), filed by `byName` at `at`. */
export function demoArchiveItem(
  id: string,
  app: { id: string; orgPath: string },
  item: { category: string; note: string; fileId: string; fileName: string; file: Buffer },
  byName: string,
  at: Date,
): typeof pjArchiveItems.$inferInsert {
  const { category, note, fileId, fileName, file } = item;
  return {
    id,
    applicationId: app.id,
    orgPath: app.orgPath,
    category,
    note,
    fileId,
    fileName,
    mime: fileName.endsWith('.png') ? 'image/png' : 'application/pdf',
    size: file.length,
    createdByName: byName,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Demo data of the project archive ①–⑧ (R-PJ-3): files in some categories of this year's pilots, uploaded
 * by the subdistrict — one nearly complete, one with only minutes, one in between, one still empty.
 */
export async function seedDemoProjectArchive(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'> & Partial<Pick<AppDeps, 'config'>>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids } = deps;
  const storage = createLocalStorage(deps.config?.dataDir ?? '');
  const pilots = await db
    .select()
    .from(pjApplications)
    .where(eq(pjApplications.state, 'selected'))
    .orderBy(asc(pjApplications.number));
  let count = 0;
  for (const [pi, items] of PLAN.entries()) {
    const p = pilots[pi];
    if (!p) break;
    for (const [ii, [category, fileName, note, data]] of items.entries()) {
      const file = data();
      const fileId = ids();
      await storage.put(fileId, file);
      const at = new Date(clock.now().getTime() - (60 - ii * 7) * DAY);
      await db
        .insert(pjArchiveItems)
        .values(demoArchiveItem(ids(), p, { category, note, fileId, fileName, file }, '新下陆街道', at));
      count += 1;
    }
  }
  opts.log(`projects: ${count} archive files in ${Math.min(PLAN.length, pilots.length)} pilots`);
}
