/**
 * Parses the ECB's XML reference-rate feeds (eurofxref-daily.xml, eurofxref-hist-90d.xml,
 * eurofxref-hist.xml): a `gesmes:Envelope` whose outer `<Cube>` holds one `<Cube time="…">` per
 * day, each with `<Cube currency="…" rate="…"/>` children. fast-xml-parser does the XML (quote
 * styles, whitespace, entities, namespaces); this module checks the shape and refuses anything
 * else as a whole, so a truncated or changed file never writes a partial day.
 * https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EurReferenceRates } from '../kit/money/conversion';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d+(\.\d+)?$/;

/** The file is not an ECB reference-rate feed, or not a whole one. */
export class MalformedRatesFile extends Error {
  constructor(reason: string) {
    super(`Not a valid ECB reference-rate file: ${reason}`);
    this.name = 'MalformedRatesFile';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  // Attribute values stay strings: a rate is a decimal, never a float.
  parseAttributeValue: false,
  isArray: (name) => name === 'Cube',
});

type Node = Record<string, unknown>;

const nodes = (value: unknown): Node[] =>
  Array.isArray(value) ? value.filter((v): v is Node => typeof v === 'object' && v !== null) : [];

/** Every day in the file, as published (units per 1 EUR, decimal strings), newest first or not. */
export function parseEcbXml(text: string): EurReferenceRates[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new MalformedRatesFile(`${valid.err.msg} (line ${valid.err.line})`);
  const envelope = (parser.parse(text) as Node).Envelope as Node | undefined;
  if (!envelope) throw new MalformedRatesFile('no Envelope element');
  const outer = nodes(envelope.Cube);
  if (outer.length !== 1) throw new MalformedRatesFile('expected one outer Cube element');
  const days = nodes(outer[0]?.Cube);
  if (days.length === 0) throw new MalformedRatesFile('no day in the file');
  return days.map((day) => {
    const date = day.time;
    if (typeof date !== 'string' || !DATE.test(date)) throw new MalformedRatesFile(`"${String(date)}" is not a date`);
    const rates: Record<string, string> = {};
    for (const cube of nodes(day.Cube)) {
      const { currency, rate } = cube;
      if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
        throw new MalformedRatesFile(`${date}: "${String(currency)}" is not a currency code`);
      }
      if (typeof rate !== 'string' || !RATE.test(rate.trim())) {
        throw new MalformedRatesFile(`${date}: ${currency} has no decimal rate`);
      }
      rates[currency] = rate.trim();
    }
    if (Object.keys(rates).length === 0) throw new MalformedRatesFile(`${date} has no rates`);
    return { date, rates };
  });
}
