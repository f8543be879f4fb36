"""招生入学: schools, seats, plans, applications, placement rounds, appeals and the 95 % public-school share."""
