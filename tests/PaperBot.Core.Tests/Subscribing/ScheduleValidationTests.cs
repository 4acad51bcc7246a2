using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Subscribing;

public class ScheduleValidationTests
{
    [Theory]
    [InlineData("Europe")] // a folder of the zone database: SecurityException on Linux (found by the E2E fuzzing)
    [InlineData("Europe/")]
    [InlineData("Europe/Berli")]
    [InlineData("../etc")]
    [InlineData("")]
    public void A_time_zone_that_is_no_zone_is_refused_without_throwing(string id)
    {
        Assert.False(ScheduleValidation.TryFindTimeZone(id, out var zone));
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }

    [Fact]
    public void A_real_zone_is_found()
    {
        Assert.True(ScheduleValidation.TryFindTimeZone(" Europe/Berlin ", out var zone));
        Assert.Equal("Europe/Berlin", zone.Id);
    }
}
