/**
 * jsdom has no `window.matchMedia`, which Garden's theming reads when it loads (for the colour
 * scheme): a light-scheme answer lets components render in unit tests. Import it before Garden.
 */
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
