using System.ComponentModel.DataAnnotations;
using Kiosk.Edge.Hardware;

namespace Kiosk.Edge.Doors;

/// <summary>One cabin's door (configuration <c>Doors:Cabins:{id}</c>).</summary>
public sealed class DoorOptions
{
    /// <summary>GPIO line of the lock relay.</summary>
    [Required]
    [Range(0, 1023)]
    public int? LockPin { get; set; }

    /// <summary>The relay board energises its relay on a Low line (most opto-isolated boards).</summary>
    public bool LockActiveLow { get; set; }

    /// <summary>What the installed lock does without power. Required: it decides which level locks.</summary>
    [Required]
    public DoorFailMode? FailMode { get; set; }

    /// <summary>GPIO line of the door contact (reed switch).</summary>
    [Required]
    [Range(0, 1023)]
    public int? ContactPin { get; set; }

    /// <summary>The level the contact line reads when the door is closed.</summary>
    public LineLevel ContactClosedLevel { get; set; } = LineLevel.Low;

    /// <summary>Bias of the contact input: PullUp for a reed switch to ground (the usual wiring), PullDown, or None with an external resistor.</summary>
    public InputBias ContactBias { get; set; } = InputBias.PullUp;

    /// <summary>GPIO line of the exit button inside the cabin.</summary>
    [Required]
    [Range(0, 1023)]
    public int? ExitButtonPin { get; set; }

    /// <summary>The level the exit button line reads while pressed.</summary>
    public LineLevel ExitButtonActiveLevel { get; set; } = LineLevel.Low;

    /// <summary>Bias of the exit button input: PullUp for a button to ground, PullDown, or None with an external resistor.</summary>
    public InputBias ExitButtonBias { get; set; } = InputBias.PullUp;

    /// <summary>How long an authorised opening releases the lock if the door is not opened.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan UnlockTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An authorised opening left open longer than this raises door.held_open.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan HeldOpenAlarm { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>People the cabin holds (occupancy refuses passes beyond it).</summary>
    [Range(1, 100)]
    public int Capacity { get; set; } = 6;

    /// <summary>Pass roles that open this door; absent means all four (worker, steward, maintenance, operator).</summary>
    public List<string>? AllowedRoles { get; set; }
}
