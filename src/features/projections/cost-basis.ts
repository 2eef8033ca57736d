/** Which cost the unit costs are on, and which the returns are on: beside the full cost and in "How is this calculated?". */
export const COST_BASIS =
  'Unit costs are on spend (media + creator fees), as ad platforms quote them; ROI and ROAS are on the full cost (gross, incl. tax).';

/**
 * Height in px of the full-cost table, whose rows never wrap: the placeholder drawn while its
 * code loads is as tall, so nothing below moves when it arrives.
 */
export const FULL_COST_HEIGHT = 356;
