import { expect, type Locator, type Page } from '@playwright/test';

/** Meeting mode (/present): one slide visible at a time, all of them in the page for printing. */
export class PresentPage {
  readonly root: Locator;
  readonly current: Locator;
  readonly slides: Locator;
  readonly controls: Locator;

  constructor(private readonly page: Page) {
    this.root = page.locator('.present-root');
    this.current = page.locator('.present-slot.is-current .present-slide');
    this.slides = page.locator('.present-slide');
    this.controls = page.getByRole('navigation', { name: 'Presentation controls' });
  }

  async goto(query = '') {
    await this.page.goto(`/present${query}`);
    await this.ready();
  }

  /** Waits until every slide is in the page (they are rendered just after the current one) and every chart is drawn (charts load after the deck). */
  async ready() {
    await expect(this.root).toHaveAttribute('data-rendered', 'all', { timeout: 30_000 });
    await expect(this.root.locator('.chart-drawing')).toHaveCount(0, { timeout: 30_000 });
  }

  /** "3 / 24" of the controls, as numbers. */
  async position(): Promise<{ number: number; total: number }> {
    const text = await this.controls.locator('.present-count').innerText();
    const [number, total] = text.split('/').map((part) => Number(part.trim()));
    return { number: number ?? 0, total: total ?? 0 };
  }

  /** Asserts the slide shown and the slide the URL names are both `id`. */
  async expectSlide(id: string) {
    await expect(this.root).toHaveAttribute('data-slide', id);
    await expect(this.current).toHaveAttribute('data-slide', id);
    // A URL without a slide shows the first one, the title.
    await expect.poll(() => new URL(this.page.url()).searchParams.get('slide') ?? 'title').toBe(id);
  }

  /**
   * Text that does not show whole, on any slide in the page: an element whose content overflows
   * a box that hides overflow, a CSS ellipsis that truncates, a chart label cut with "…", and text
   * outside its slide. Visually hidden text (for screen readers) is clipped on purpose.
   */
  async clippedText(): Promise<string[]> {
    return this.slides.evaluateAll((slides) =>
      slides.flatMap((slide) => {
        const id = (slide as HTMLElement).dataset.slide ?? '';
        const box = slide.getBoundingClientRect();
        const found: string[] = [];
        for (const element of slide.querySelectorAll('*')) {
          if (element.closest('.visually-hidden')) continue;
          const style = getComputedStyle(element);
          const text = (element.textContent ?? '').trim().slice(0, 40);
          const hides = /hidden|clip/.test(`${style.overflowX} ${style.overflowY}`);
          if (
            hides &&
            (element.scrollWidth > element.clientWidth + 1 ||
              element.scrollHeight > element.clientHeight + 1)
          )
            found.push(`${id}: overflows ${element.className}: ${text}`);
          if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth)
            found.push(`${id}: ellipsis: ${text}`);
          if (element.matches('.chart-tick') && text.endsWith('…'))
            found.push(`${id}: cut label: ${text}`);
          const hasText = [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
          );
          const own = element.getBoundingClientRect();
          if (
            hasText &&
            (own.left < box.left - 1 ||
              own.top < box.top - 1 ||
              own.right > box.right + 1 ||
              own.bottom > box.bottom + 1)
          )
            found.push(`${id}: outside the slide: ${text}`);
        }
        return found;
      }),
    );
  }

  heading(): Locator {
    return this.current.getByRole('heading', { level: 1 });
  }
}
