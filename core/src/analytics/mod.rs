//! Product analytics over event logs: active users, retention cohorts, churn, adoption, funnels.
