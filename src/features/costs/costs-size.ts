/**
 * Heights in px of the Costs section's body (the explanation, the fields and the totals, without
 * messages), shared by the fields and the placeholder drawn while their code loads, so nothing
 * below moves when they arrive: the tallest the body is on wide screens, and on phones.
 */
export const COSTS_HEIGHT = { wide: 351, narrow: 504 } as const;

/** Up to this viewport width the page is laid out for phones (styles.css). */
const NARROW_VIEWPORT = 640;

/**
 * The body's min-height, as CSS: the wide height above NARROW_VIEWPORT, else the narrow one.
 * (100vw - 640px) x 1000 is 0 or less up to 640 px wide and over 1000 px beyond: a switch.
 */
const { wide, narrow } = COSTS_HEIGHT;
export const COSTS_MIN_HEIGHT = `calc(${narrow}px ${wide >= narrow ? '+' : '-'} min(${Math.abs(wide - narrow)}px, max(0px, (100vw - ${NARROW_VIEWPORT}px) * 1000)))`;
