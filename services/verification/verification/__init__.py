"""部门核验: partner departments confirm residence permits, social insurance, housing and business licenses."""
