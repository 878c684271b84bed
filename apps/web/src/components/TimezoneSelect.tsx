import { useMemo, type SelectHTMLAttributes } from 'react';

/** A GMT offset for a zone right now ("GMT+1"), or '' when the browser cannot say. */
function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT' ? 'GMT±0' : (part?.value ?? '');
  } catch {
    return '';
  }
}

type Zone = { zone: string; label: string };
let cached: Array<[string, Zone[]]> | null = null;

/** Every IANA zone the browser knows, grouped by region ("Europe", "America"), UTC first; built once. */
function zonesByRegion(): Array<[string, Zone[]]> {
  if (cached) return cached;
  const now = new Date();
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const groups = new Map<string, Zone[]>();
  for (const zone of new Set(['UTC', ...supported])) {
    const region = zone.includes('/') ? zone.split('/')[0] : 'Universal';
    groups.set(region, [
      ...(groups.get(region) ?? []),
      { zone, label: `${zone.replace(/_/g, ' ')} · ${offsetOf(zone, now)}` },
    ]);
  }
  cached = [...groups.entries()].sort(([a], [b]) =>
    a === 'Universal' ? -1 : b === 'Universal' ? 1 : a.localeCompare(b),
  );
  return cached;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onChange(zone: string): void;
};

/**
 * A timezone picker: IANA names grouped by region, each with its current offset
 * ("Europe/Berlin · GMT+1"). Put it in a <Field>, which gives it its id and label.
 */
export function TimezoneSelect({ value, onChange, ...rest }: Props) {
  const groups = useMemo(() => {
    const all = zonesByRegion();
    // a zone the browser does not list (an alias such as US/Eastern) still shows as chosen
    return all.some(([, zones]) => zones.some((z) => z.zone === value))
      ? all
      : [...all, ['Current', [{ zone: value, label: value }]] as [string, Zone[]]];
  }, [value]);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      {groups.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((z) => (
            <option key={z.zone} value={z.zone}>
              {z.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
