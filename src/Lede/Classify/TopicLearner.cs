namespace Lede.Classify;

/// <summary>The linear model a topic model learns per label.</summary>
public enum TopicLearner
{
    /// <summary>One-vs-rest logistic regression, SGD with L2.</summary>
    LogisticRegression,

    /// <summary>Complement naive Bayes (Rennie et al. 2003) with weight normalisation.</summary>
    ComplementNaiveBayes,
}
