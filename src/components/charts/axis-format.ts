import { format, parseISO } from 'date-fns';
import { approxMoney, short } from '../../lib/format';

// How every chart's axes word their values (projections, scenario comparison, print).

/** A date on a time axis: "Mar 4". */
export const axisDate = (date: string) => format(parseISO(date), 'MMM d');
/** A count on an axis: "1.2M". */
export const countTick = (value: number) => short(value);
/** Money on an axis: "$0", "$25K". */
export const moneyTick = (value: number) => (value === 0 ? '$0' : approxMoney(value));
