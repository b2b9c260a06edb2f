// Approximate exchange rates (IDR per unit), used only to compare advertised salaries against thresholds such as
// "more than Rp 15 juta a month". Mid-market values rounded from public reference rates around 2025-10 (Bank
// Indonesia JISDOR ≈ 16,300–16,600 IDR/USD in Q3–Q4 2025; crosses via USD). Precision to ±10% is enough here:
// the lures quoted in reference material sit far above local salaries.
export const RATES_AS_OF = '2025-10 (approximate)';

export const DEFAULT_RATES: Record<string, number> = {
  IDR: 1,
  USD: 16500,
  USDT: 16500,
  SGD: 12700,
  MYR: 3900,
  PHP: 285,
  VND: 0.63,
  THB: 505,
  JPY: 110,
  CNY: 2300,
  TWD: 540,
  HKD: 2120,
  KRW: 11.8,
  AED: 4490,
  SAR: 4400,
  EUR: 19200,
  GBP: 22000,
  AUD: 10800,
  INR: 188,
  KHR: 4.1,
  MMK: 7.9,
  LAK: 0.76,
};

/** Working days per month / weeks per month used for period conversion. */
export const DAYS_PER_MONTH = 26;
export const WEEKS_PER_MONTH = 4.3;
export const HOURS_PER_MONTH = 8 * 26;
