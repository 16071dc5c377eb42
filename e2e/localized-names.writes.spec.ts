import { test } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { SignInPage, closePeople, newPerson } from './pages/auth';
import { AdminFormPage, expect } from './pages/admin';
import { DEMO } from './pages/workspace';

// The demo's states are invented and carry no ISO code: a real one, added as an admin would, shows
// that pages name a state and its UN M49 regions in the visitor's language.
const REAL_STATE = {
  iso3: 'BRA',
  region: 'Americas',
  subRegion: 'Latin America and the Caribbean',
  intermediateRegion: 'South America',
};

const stateId = () =>
  queryOne<{ id: number } | undefined>('SELECT id FROM actors WHERE iso3 = ?', REAL_STATE.iso3)?.id;

test.describe("states' and regions' names in the visitor's language", () => {
  test.describe.configure({ timeout: 240_000 });

  test('a real state and its regions are named in French and Arabic; filters keep English values', async ({
    browser,
  }) => {
    // A retry finds the state its first attempt added: an ISO code is unique.
    if (stateId() === undefined) {
      const admin = await newPerson(browser);
      const signIn = new SignInPage(admin);
      await signIn.goto('/admin/actors/new');
      await signIn.attempt(DEMO.admin.email, DEMO.admin.password);
      await expect(admin).toHaveURL(/\/admin\/actors\/new$/);
      const form = new AdminFormPage(admin);
      await form.fill({
        Kind: 'State',
        Name: `Brazil ${Date.now().toString(36)}`,
        'ISO 3166-1 alpha-3 code': REAL_STATE.iso3,
        'UN M49 region': REAL_STATE.region,
        'UN M49 sub-region': REAL_STATE.subRegion,
        'UN M49 intermediate region': REAL_STATE.intermediateRegion,
      });
      await form.save('Create actor');
      await expect(admin).toHaveURL(/\/admin\/actors\?created=\d+$/);
      await closePeople(admin);
    }
    const id = stateId()!;

    const visitor = await newPerson(browser);
    await visitor.goto(`/fr/actors/${id}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Brésil');
    await expect(visitor.locator('dl.facts').first()).toContainText(
      'Amériques › Amérique latine et Caraïbes › Amérique du Sud',
    );
    await expectNoAxeViolations(visitor);

    // The list's region filter: labelled in French, its value the stored English name.
    await visitor.goto('/fr/actors?kind=state&region=Americas&q=Brazil');
    const region = visitor.getByLabel('Région', { exact: true });
    await expect(region.locator('option:checked')).toHaveText('Amériques');
    await expect(region).toHaveValue('Americas');
    await expect(visitor.getByRole('link', { name: 'Brésil', exact: true })).toHaveAttribute(
      'href',
      `/fr/actors/${id}`,
    );

    // A French visitor searches by the French name.
    await visitor.goto('/fr/actors?q=br%C3%A9sil');
    await expect(visitor.getByRole('link', { name: 'Brésil', exact: true })).toBeVisible();

    await visitor.goto(`/ar/actors/${id}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('البرازيل');
    await expect(visitor.locator('dl.facts').first()).toContainText('الأمريكتان');
    await closePeople(visitor);
  });
});
