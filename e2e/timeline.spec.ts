import { expect, saveScreenshot, test, uniqueName } from './support/fixtures';

test('person card shows time per status', async ({ page, api }) => {
  const company = await api.createCompany({ name: uniqueName('Tijdlijn bv'), category: 'Lead' });
  const person = await api.createPerson({ firstName: 'Tess', lastName: uniqueName('Tijd'), companyId: company.id });
  const contacting = await api.updatePerson(person.id, person.version, { leadStatusId: await api.leadStatusId('Contact opnemen') });
  await api.updatePerson(person.id, contacting.version, { leadStatusId: await api.leadStatusId('Gekwalificeerd') });

  await page.goto(`/persons/${person.id}`);
  const panel = page.getByRole('region', { name: 'Tijd per status' });
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByRole('listitem').first()).toContainText('Gekwalificeerd');
  await expect(panel.getByRole('listitem').first()).toContainText('nu');
  await expect(panel.getByRole('listitem').first()).toContainText('0 dagen');
  const periods = panel.getByRole('table', { name: 'Perioden per leadstatus, nieuwste eerst' });
  await expect(periods.getByRole('row')).toHaveCount(4);
  await expect(periods.getByRole('row').nth(1)).toContainText('Gekwalificeerd');
  await expect(periods.getByRole('row').nth(3)).toContainText('Open');
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'nl-person-timeline');
});
