namespace Lede.Tests.Dedupe;

/// <summary>Hand-written wire stories, rewrites of the same events by other desks, and the ways syndication changes a copy.</summary>
internal static class WireCorpus
{
    public const string ApFooter = "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.";

    public static readonly string[] BanStory =
    [
        "MINNEAPOLIS (AP) — The Minneapolis City Council voted 11-2 on Thursday to bar police and other city departments from using facial recognition software, joining a growing list of American cities that have restricted the technology over concerns about privacy and racial bias.",
        "The ordinance forbids city agencies from buying or using any system that identifies people from images of their faces, and it prohibits officers from asking outside agencies to run searches on their behalf. Evidence gathered in violation of the rule cannot be used to justify an arrest, according to the text approved by the council.",
        "Council member Steve Fletcher, who wrote the measure, said the vote sent a clear message that residents should not have to trade their civil liberties for the promise of convenience. He pointed to studies showing that several commercial systems misidentify Black and Asian faces at far higher rates than white faces.",
        "The police department had used the software in a small number of investigations through a partnership with the county sheriff, a spokesperson said. The department argued that the tool helped detectives generate leads in cases involving carjackings and shootings, but it did not formally oppose the ordinance.",
        "Civil liberties groups that campaigned for the ban said they would now push the state legislature to adopt similar limits. Representatives of two technology companies told the council during public comment that accuracy had improved sharply and that a moratorium with an audit program would have been a better choice.",
        "The ordinance takes effect in thirty days. Cities including San Francisco, Boston and Portland, Oregon, have passed comparable restrictions since 2019, although a few have since softened their rules to allow searches in cases of serious violent crime.",
    ];

    public static readonly string[] BanRewrite =
    [
        "Minneapolis has become the latest city to outlaw government use of face-scanning technology after a lopsided vote by its council on Thursday evening.",
        "Supporters packed the chamber as members debated the proposal for nearly three hours. Under the new rule, no municipal department may acquire identification software built on facial analysis, and police cannot ask partner agencies to carry out such searches for them.",
        "Fletcher, the author of the measure, told reporters afterwards that the technology was too error prone to be trusted with decisions about who gets stopped or detained. Research by federal scientists found that many algorithms produce more false matches for people with darker skin.",
        "Police officials had quietly relied on a county system for some of their investigations. A department spokesperson said detectives found it useful for identifying suspects in violent crimes, but the chief chose not to lobby against the ban.",
        "Activists now plan to take their campaign to the statehouse, while industry representatives warned that an outright prohibition goes further than necessary and urged lawmakers to consider auditing rather than banning the tools.",
    ];

    public static readonly string[] ChipStory =
    [
        "SANTA CLARA, Calif. (AP) — Chipmaker Nvidia said Wednesday that revenue in its latest quarter rose more than it had forecast as cloud companies and governments kept buying its processors to train and run artificial intelligence systems, and it predicted another record quarter ahead.",
        "Revenue in the three months through October reached a record, with the data center business accounting for the large majority of sales. The company said demand for its newest generation of accelerators exceeded supply and that it expected shortages to ease only gradually next year.",
        "Chief executive Jensen Huang told analysts on a conference call that a new wave of reasoning models, which spend more computing power to answer each question, was driving orders from customers that had already built large training clusters.",
        "Some investors have worried that spending on artificial intelligence infrastructure could slow if the technology does not produce enough revenue for the businesses that adopt it. Huang dismissed those concerns, saying customers were seeing returns on their investments already.",
        "Export controls remain a drag. The company said it had not included any sales of data center chips to China in its forecast, after United States restrictions cut off shipments of its most advanced products to Chinese customers.",
        "Shares of the company rose about four percent in extended trading after the report. The stock has more than doubled over the past year, making Nvidia one of the most valuable companies in the world.",
    ];

    public static readonly string[] ChipRewrite =
    [
        "Nvidia beat Wall Street expectations again on Wednesday, reporting quarterly sales well above analyst estimates on the back of relentless demand for artificial intelligence hardware.",
        "Most of the money came from data centers, where hyperscalers such as Microsoft, Amazon and Google are racing to expand capacity. Management said supply of the newest accelerators would remain tight well into next year.",
        "On the earnings call, Huang argued that models which reason step by step before answering need far more computation, and that this shift was creating fresh demand even among customers who had already bought huge clusters.",
        "Skeptics question whether the boom can last if businesses fail to make money from the systems they are buying. The chief executive rejected that view and said many customers already saw a payoff.",
        "The outlook left out China entirely because Washington has barred exports of the most capable chips there. The stock climbed in late trading and is up sharply over the past twelve months.",
    ];

    public static readonly string[] StudyStory =
    [
        "BOSTON (AP) — Popular chatbots gave medical advice that could cause harm in roughly one of every five answers to questions about common prescriptions, according to a study published Monday by researchers at a Boston hospital.",
        "The team asked four widely used artificial intelligence assistants more than five hundred questions that patients frequently ask pharmacists, such as whether two drugs can be taken together or what to do after a missed dose. Two pharmacists graded every response without knowing which system had produced it.",
        "Most answers were accurate, the researchers found, but a significant share left out important warnings or gave dosing instructions that did not match the drug label. In a handful of cases a chatbot invented a study to support its answer.",
        "The lead author, a physician who studies patient safety, said the results did not mean the tools were useless but showed that people should treat them as a starting point and confirm anything important with a pharmacist or doctor.",
        "The companies behind the assistants have added disclaimers and say their newest versions perform better on medical questions. The researchers tested versions that were available to the public in the spring and said they planned to repeat the study each year.",
        "Regulators have so far left general purpose chatbots largely alone, focusing instead on software that is marketed specifically for diagnosis. Patient advocates said the findings strengthened the case for clearer rules on health information produced by artificial intelligence.",
    ];

    public static readonly string[] StudyRewrite =
    [
        "A new study suggests you should think twice before asking a chatbot about your medication.",
        "Researchers in Boston put hundreds of typical pharmacy questions to four leading AI assistants and had pharmacists score the replies blind. About a fifth of the responses contained advice the graders judged potentially harmful, from missing interaction warnings to wrong doses.",
        "Sometimes the bots even cited research that does not exist. Still, the majority of replies were correct, and the authors stressed that the systems can be a useful first stop if patients double check with a professional.",
        "The developers of the assistants say newer releases have improved. The hospital team evaluated the versions available earlier this year and intends to rerun the comparison annually.",
        "So far regulators have concentrated on diagnostic software sold to clinicians rather than on general chat tools, and patient groups said the study shows why that gap should be closed.",
    ];

    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    public static string Story(string[] story) => Join(story);

    public static string WithFooter(string[] story) => Join(story) + "\n\n" + ApFooter;

    public static string WithDateline(string[] story, string oldDateline, string newDateline)
        => Join(story).Replace(oldDateline, newDateline, StringComparison.Ordinal);

    public static string WithoutParagraph(string[] story, int index) => Join(story.Where((_, i) => i != index));

    public static string Truncated(string[] story, double share)
    {
        var text = Join(story);
        var cut = text.LastIndexOf(' ', (int)(text.Length * share));
        return text[..cut];
    }

    /// <summary>A local paper's longer piece that runs the wire story in full between its own reporting.</summary>
    public static string Embedded(string[] story, string[] before, string[] after) => Join(before.Concat(story).Concat(after));
}
