import { readFile } from 'node:fs/promises';
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 30_000 });

export type DownloadFormat = 'PNG' | 'SVG' | 'CSV' | 'JSON';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
}

/** A row of a chart's table view as shown: the row header and each cell's text (and <time datetime>). */
export interface ShownRow {
  header: string;
  cells: { text: string; datetime: string | null }[];
}

/** One chart (app/_components/charts/chart-frame.tsx): its view switch and its Download disclosure. */
export class ChartFrame {
  readonly title: Locator;
  readonly downloadToggle: Locator;

  constructor(
    private readonly page: Page,
    readonly root: Locator,
  ) {
    this.title = root.locator('.chart-title');
    this.downloadToggle = root.getByRole('button', { name: /^Download: / });
  }

  static async all(page: Page): Promise<ChartFrame[]> {
    const frames = page.locator('figure.chart-frame');
    await expect(frames.first()).toBeVisible();
    return Array.from(
      { length: await frames.count() },
      (_, index) => new ChartFrame(page, frames.nth(index)),
    );
  }

  async titleText(): Promise<string> {
    return (await this.title.innerText()).trim();
  }

  async openDownloads() {
    if ((await this.downloadToggle.getAttribute('aria-expanded')) !== 'true')
      await this.downloadToggle.click();
    await expect(this.downloadToggle).toHaveAttribute('aria-expanded', 'true');
  }

  formatButton(format: DownloadFormat): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^(Image|Data) \\(${format}\\): `) });
  }

  /** Clicks a format and returns the file the browser was handed. */
  async download(format: DownloadFormat): Promise<DownloadedFile> {
    await this.openDownloads();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.formatButton(format).click(),
    ]);
    expect(await download.failure()).toBeNull();
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async showTable(): Promise<ShownRow[]> {
    await this.root.getByRole('button', { name: 'Table', exact: true }).click();
    const table = this.root.getByRole('table');
    await expect(table).toBeVisible();
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        header: (row.querySelector('th') as HTMLElement).innerText.trim(),
        cells: Array.from(row.querySelectorAll('td'), (cell) => ({
          text: cell.innerText.trim(),
          datetime: cell.querySelector('time')?.getAttribute('datetime') ?? null,
        })),
      })),
    );
  }
}
