import { approximateCreationTime, fromStreamRecord } from '../../../shared/app/from-stream';
import { insertOf, modifyOf, profileItem, removeOf, streamRecord } from '../support/stream-records';

describe('approximateCreationTime', () => {
  const at = (value: unknown) => {
    const record = insertOf(profileItem());
    (record.dynamodb as Record<string, unknown>).ApproximateCreationDateTime = value;
    return approximateCreationTime(record)?.toISOString();
  };

  test('reads epoch seconds (Lambda), a Date (SDK) and an ISO string (serialized SDK record)', () => {
    expect(at(1_740_819_600)).toBe('2025-03-01T09:00:00.000Z');
    expect(at(new Date('2025-03-01T09:00:00Z'))).toBe('2025-03-01T09:00:00.000Z');
    expect(at('2025-03-01T09:00:00.000Z')).toBe('2025-03-01T09:00:00.000Z');
    expect(at('1740819600')).toBe('2025-03-01T09:00:00.000Z');
    expect(at(undefined)).toBeUndefined();
    expect(at('yesterday')).toBeUndefined();
  });
});

describe('fromStreamRecord', () => {
  test('records without the image their event needs are not events', () => {
    const withoutOld = modifyOf(profileItem(), profileItem());
    delete withoutOld.dynamodb!.OldImage;
    const removeWithoutOld = removeOf(profileItem());
    delete removeWithoutOld.dynamodb!.OldImage;

    expect(fromStreamRecord(withoutOld)).toBeUndefined();
    expect(fromStreamRecord(removeWithoutOld)).toBeUndefined();
  });

  test('a profile without a version is published as version 0', () => {
    const { version: _version, ...unversioned } = profileItem();
    const mapped = fromStreamRecord(streamRecord({ eventName: 'INSERT', newItem: unversioned }));
    expect(mapped?.detail.version).toBe(0);
  });
});
