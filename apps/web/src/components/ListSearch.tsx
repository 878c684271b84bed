import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Icon } from './Icon';

/**
 * A list page's filters, kept in the URL so a search can be shared and survives a reload. `q` is
 * the search in the URL; `search` is what is typed in the box, written to `q` 300 ms after typing
 * stops. `update({ status: 'closed' })` sets filters (an empty value removes one).
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const t = setTimeout(() => search.trim() !== q && update({ q: search.trim() }), 300);
    return () => clearTimeout(t);
    // only typing writes the URL; a change of the URL itself (Back) must not write it again
    // eslint-disable-next-line react-hooks/exhaustive-deps -- q and update left out on purpose
  }, [search]);

  return { params, q, search, setSearch, update };
}

/** A search input with its icon and a label only screen readers read. */
export function SearchBox({
  id,
  label,
  placeholder,
  value,
  onChange,
  className,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  className?: string;
}) {
  return (
    <div className={`search${className ? ` ${className}` : ''}`}>
      <Icon name="search" />
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The row above a list: its search box, then its filters (`<ToolbarSelect>`s) as children. */
export function SearchToolbar({ children, ...search }: Parameters<typeof SearchBox>[0] & { children?: ReactNode }) {
  return (
    <div className="toolbar" role="search">
      <SearchBox {...search} />
      {children}
    </div>
  );
}

/** A filter of a `<SearchToolbar>`: a select named by `label` (for screen readers; the options say what it does). */
export function ToolbarSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  return (
    <label className="select">
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}
