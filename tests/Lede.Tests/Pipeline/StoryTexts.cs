namespace Lede.Tests.Pipeline;

/// <summary>Article texts the story tests share (the pipeline's and the stores' merge contract).</summary>
public static class StoryTexts
{
    /// <summary>A report of the Minneapolis police facial-recognition ban, with the names that tie its coverage together.</summary>
    public const string MinneapolisBan = """
        The Minneapolis City Council voted unanimously on Friday to ban the city's police department from using facial recognition software,
        joining Boston, San Francisco and Portland. Council member Steve Fletcher, who wrote the ordinance, said the technology from companies
        such as Clearview AI misidentifies people of color. The Minneapolis Police Department had used Clearview AI more than 200 times,
        according to records obtained by BuzzFeed News. The ban passed 13-0 and takes effect immediately.
        """;
}
