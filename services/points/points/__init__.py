"""积分入学: versioned rulebooks (积分细则) and explainable family scores."""
