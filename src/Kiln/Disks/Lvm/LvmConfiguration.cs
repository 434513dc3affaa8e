namespace Kiln.Disks.Lvm;

/// <summary>
/// The lvm.conf of a build's LVM commands, in a directory of the build (<c>LVM_SYSTEM_DIR</c>): the host's
/// /etc/lvm is neither read nor written (no backups, no archives), nothing goes to /run (no hints, locks in the
/// build directory), udev is not waited for and no devices file is used.
/// </summary>
public static class LvmConfiguration
{
    /// <summary>The environment variable that points LVM's commands at another configuration directory.</summary>
    public const string SystemDirectoryVariable = "LVM_SYSTEM_DIR";

    public static string ForBuild(string systemDirectory)
    {
        ArgumentNullException.ThrowIfNull(systemDirectory);
        return $$"""
            # Written by Kiln for the LVM commands of one build; removed with the build directory.
            devices {
            	hints = "none"
            	use_devicesfile = 0
            	obtain_device_list_from_udev = 0
            }
            backup {
            	backup = 0
            	archive = 0
            }
            global {
            	locking_dir = "{{systemDirectory}}/lock"
            	event_activation = 0
            }
            activation {
            	udev_sync = 0
            	udev_rules = 0
            	monitoring = 0
            }

            """;
    }
}
