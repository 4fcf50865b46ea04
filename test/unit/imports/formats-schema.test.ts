import { csvMappingSchema, csvPresetNameSchema, csvPresets } from '../../../shared/imports/formats';

test('every preset is a valid mapping, and the preset names are the schema of a preset', () => {
  for (const preset of Object.values(csvPresets)) expect(csvMappingSchema().safeParse(preset).success).toBe(true);
  expect(csvPresetNameSchema().options).toEqual(['iso', 'eu-semicolon', 'uk-debit-credit', 'us-mdy']);
});

test('a mapping without money columns, or with an unknown day format, is refused naming the field', () => {
  const paths = (value: unknown) =>
    csvMappingSchema()
      .safeParse(value)
      .error?.issues.map((i) => i.path.join('.'));
  expect(paths({ decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', columns: { date: 'Date' } })).toEqual([
    'columns.amount',
  ]);
  expect(paths({ ...csvPresets.iso, dateFormat: 'D/M/Y' })).toEqual(['dateFormat']);
});
