import type { Journey } from './harness';

interface Page<T> {
  items: T[];
}

export const assessmentsJourneys: Journey[] = [
  {
    name: 'assessments: a community links records Linli holds as evidence on its sheet, sees its areas as a radar and downloads the PDF report; the city reads the 2017 grades',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await login(page, 'beiyuan');
      const year = new Date().getFullYear();
      const rounds = (await (await page.request.get('/api/assessments/rounds')).json()) as Page<{
        id: string;
        year: number;
      }>;
      const round = rounds.items.find((r) => r.year === year);
      if (!round) throw new Error(`no ${year} round for beiyuan`);
      const results = (await (
        await page.request.get(`/api/assessments/rounds/${round.id}/results`)
      ).json()) as {
        rows: { sheetId: string; orgUnitName: string }[];
      };
      const sheet = results.rows.find((r) => r.orgUnitName === '北园社区');
      if (!sheet) throw new Error('北园社区 has no sheet');
      await page.goto(`/assessments/sheets/${sheet.sheetId}`);
      await page.getByTestId('assessment-radar').waitFor();
      const card = page.getByTestId('indicator-Ⅱ-5');
      // The demo linked 北园's facilities; the dialog lists the community's records from the sources Ⅱ-5 names.
      await card.getByText('社区设施：').first().waitFor();
      await card.locator('[data-testid^="evidence-open-"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('社区设施', { exact: true }).waitFor();
      await dialog.getByText('已关联').first().waitFor();
      await shot(page, 'assessments-evidence-dialog');
      await page.keyboard.press('Escape');
      const download = page.waitForEvent('download');
      await page.getByTestId('sheet-report-pdf').click();
      const file = await download;
      if (!file.suggestedFilename().endsWith('.pdf')) throw new Error(`report: ${file.suggestedFilename()}`);
      await shot(page, 'assessments-sheet');

      const city = await newPage();
      await login(city, 'zhoushan');
      const all = (await (await city.request.get('/api/assessments/rounds')).json()) as Page<{
        id: string;
        year: number;
      }>;
      const r2017 = all.items.find((r) => r.year === 2017);
      if (!r2017) throw new Error('no 2017 round');
      await city.goto(`/assessments/rounds/${r2017.id}`);
      await city.getByText('优秀').first().waitFor();
      await city.getByText('不合格').first().waitFor();
      await city.getByTestId('assessment-bars').waitFor();
      await shot(city, 'assessments-2017-results');
    },
  },
];
