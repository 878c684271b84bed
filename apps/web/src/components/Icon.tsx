/** A few hand-drawn 20px icons (stroke = currentColor), instead of an icon library. */
const PATHS = {
  library: 'M4 4h3v12H4zM9 4h3v12H9zM14 5l2.5-.7 2.6 11.6-2.5.6z',
  import: 'M10 3v9m0 0l-3.5-3.5M10 12l3.5-3.5M4 14v2h12v-2',
  plus: 'M10 4v12M4 10h12',
  grip: 'M7 5h.01M13 5h.01M7 10h.01M13 10h.01M7 15h.01M13 15h.01',
  up: 'M10 15V5m0 0l-4 4m4-4l4 4',
  down: 'M10 5v10m0 0l-4-4m4 4l4-4',
  edit: 'M13.5 3.5l3 3L7 16H4v-3z',
  trash: 'M4 6h12M8 6V4h4v2m-6 0l1 10h6l1-10',
  search: 'M9 15a6 6 0 100-12 6 6 0 000 12zm4.5-1.5L17 17',
  signOut: 'M8 4H4v12h4m4-9l3 3-3 3m3-3H8',
  menu: 'M3 6h14M3 10h14M3 14h14',
  close: 'M5 5l10 10M15 5L5 15',
  check: 'M4 10.5l4 4 8-9',
  alert: 'M10 7v4m0 3h.01M10 3l8 14H2z',
  calendar: 'M4 5h12v11H4zM4 8h12M7 3v3m6-3v3',
  home: 'M3 9l7-6 7 6v8h-5v-5H8v5H3z',
  clock: 'M10 17a7 7 0 100-14 7 7 0 000 14zm0-10v3.5l2.5 1.5',
  external: 'M11 4h5v5m0-5l-7 7M8 5H4v11h11v-4',
  users:
    'M7.5 9.5a3 3 0 100-6 3 3 0 000 6zM2 16.5c.5-2.6 2.6-4 5.5-4s5 1.4 5.5 4M13 3.8a3 3 0 010 5.6M15 12.8c1.6.6 2.7 1.9 3 3.7',
  bell: 'M5 14V9a5 5 0 0110 0v5l1.5 2h-13zM8.5 18h3',
  inbox: 'M3 11l2.5-7h9l2.5 7v5H3zM3 11h4.5l1 2h3l1-2H17',
  queue: 'M4 5h12M4 10h12M4 15h7',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
