using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>
/// Told when the owner resumes a paused target (<c>paperbot resume</c>), so a delivery adapter forgets what it learned
/// from the failure — Discord stops calling a channel that kept refusing, and would otherwise refuse the requeued
/// alerts itself and pause the target again.
/// </summary>
public interface ITargetResumeListener
{
    void Resumed(Subscriber target);
}
