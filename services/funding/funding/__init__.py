"""政府购买学位: purchased seats, tariffs, semester settlements and the hash-chained ledger."""
