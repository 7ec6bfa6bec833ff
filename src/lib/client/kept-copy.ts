// The mark the service worker puts in the head of a sheet page it served from the device (src/service-worker.ts),
// read by the page: SheetForm keeps it read-only until the server says which revision is current, and app.html
// (which can import nothing, so it writes the name out) asks at once.

/** The name of the `<meta>` a sheet page served from the device carries. */
export const KEPT_META = 'tusoi-kept';
